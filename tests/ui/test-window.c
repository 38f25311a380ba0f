/* test-window.c: placeholder, filled below. */
#include <gtk/gtk.h>
int main (void) { return 0; }
