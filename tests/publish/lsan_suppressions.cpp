// LeakSanitizer hook for the publishing tests, as for the readers tests: the PDF checks render
// pages with poppler in this process (inspect_file), and poppler finds fonts through fontconfig,
// which keeps a process-wide cache it never frees. A one-off allocation, not a leak in foilog.
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}
