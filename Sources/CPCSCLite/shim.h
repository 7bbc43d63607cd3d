#include <winscard.h>
#include <reader.h>

// SCARD_PCI_T0/T1 are address-of expression macros and do not import into Swift.
static inline const SCARD_IO_REQUEST *cpcsc_pci_t0(void) { return SCARD_PCI_T0; }
static inline const SCARD_IO_REQUEST *cpcsc_pci_t1(void) { return SCARD_PCI_T1; }
