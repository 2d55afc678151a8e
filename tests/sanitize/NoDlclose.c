/* Preloaded in the sanitizer runs (scripts/sanitize): dlclose does nothing, so that modules
   Mesa and GDAL load and unload stay mapped until exit and LeakSanitizer can name them when it
   matches its suppressions (a leak inside an unloaded module has no module name). */
int dlclose(void* handle) {
  (void)handle;
  return 0;
}
