#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its encoding.h would pull in the system ICU
// headers, which clash with Foundation's private ICU module. We use no ICU API.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
// XPath for the tests, which query reports as evaluators do (prefixes registered).
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
