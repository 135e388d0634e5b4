// LeakSanitizer hook for the readers tests. Poppler finds fonts through fontconfig, which keeps a
// process-wide cache it never frees; that is a one-off allocation per process, not a leak in
// foilog, and the sanitizer pass in scripts/test.sh would otherwise fail every PDF test.
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}
