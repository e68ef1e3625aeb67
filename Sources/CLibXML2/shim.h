/* libxml2's headers include ICU's when libxml2 is built with ICU (Debian's is), and Foundation
 * brings its own copy of ICU: the two definitions of the same C types clash in one Swift module.
 * pejling uses none of libxml2's ICU encoders (nor any type that holds one by value), so that
 * part of the headers is left out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
