// COIN-OR Clp (linear programs) and Cbc (integer programs), EPL-2.0, from
// Debian's coinor-libcbc-dev / coinor-libclp-dev: disclosure control proves
// with them what an attacker can work out of a report (docs/disclosure.md).
#include <coin/Clp_C_Interface.h>
#include <coin/Cbc_C_Interface.h>
