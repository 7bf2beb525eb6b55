/* A stand-in for Windows' bcryptprimitives.dll, for the wine smoke test only (nothing of this
 * ships). Go 1.22 and later take their random numbers from ProcessPrng in that DLL, which
 * Debian's wine 8 lacks; here it is RtlGenRandom (advapi32's SystemFunction036), which wine
 * has. Built by `make wine-test` into a private wine prefix. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}
