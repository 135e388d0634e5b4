// LeakSanitizer hook for the fuzz targets (as tests/readers has): poppler finds fonts through
// fontconfig, which keeps a process-wide cache it never frees. That is a one-off allocation per
// process, not a leak in foilog; every other leak still fails the run.
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}
