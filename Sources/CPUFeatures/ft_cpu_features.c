// CPU feature detection with cpuid and xgetbv, as OpenBLAS's DYNAMIC_ARCH (driver/others/dynamic.c)
// and GCC's __builtin_cpu_supports do: a feature counts only if the CPU reports it (cpuid) and the
// operating system saves the register state it needs (XCR0, read with xgetbv when OSXSAVE is set).
// Bit positions: Intel 64 and IA-32 Architectures Software Developer's Manual, Vol. 2A, CPUID,
// Table 3-8 (leaf 1 ECX/EDX), Table 3-8 leaf 7 sub-leaf 0 (EBX/ECX), leaf 0x80000001 ECX (LZCNT);
// Vol. 1 §13.3 (XCR0 bits: 1 SSE, 2 AVX, 5 opmask, 6 ZMM_Hi256, 7 Hi16_ZMM).
#include "ft_cpu_features.h"

#if defined(__x86_64__) || defined(_M_X64)
#include <cpuid.h>

static unsigned long long ft_xgetbv0(void) {
    unsigned int eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long)edx << 32) | eax;
}

int ft_cpu_isa_level(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return FT_ISA_LEVEL_BASELINE;
    const int fma = (c >> 12) & 1, movbe = (c >> 22) & 1, osxsave = (c >> 27) & 1;
    const int avx = (c >> 28) & 1, f16c = (c >> 29) & 1;
    if (!(fma && movbe && osxsave && avx && f16c)) return FT_ISA_LEVEL_BASELINE;
    const unsigned long long xcr0 = ft_xgetbv0();
    if ((xcr0 & 0x6) != 0x6) return FT_ISA_LEVEL_BASELINE;          // XMM and YMM state saved
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return FT_ISA_LEVEL_BASELINE;
    const int bmi1 = (b >> 3) & 1, avx2 = (b >> 5) & 1, bmi2 = (b >> 8) & 1;
    const int avx512f = (b >> 16) & 1, avx512dq = (b >> 17) & 1, avx512cd = (b >> 28) & 1;
    const int avx512bw = (b >> 30) & 1, avx512vl = (b >> 31) & 1;
    unsigned int ea, eb, ec, ed;
    if (!__get_cpuid(0x80000001, &ea, &eb, &ec, &ed)) return FT_ISA_LEVEL_BASELINE;
    const int lzcnt = (ec >> 5) & 1;
    if (!(bmi1 && avx2 && bmi2 && lzcnt)) return FT_ISA_LEVEL_BASELINE;
    const int zmmState = (xcr0 & 0xE0) == 0xE0;                     // opmask, ZMM_Hi256, Hi16_ZMM
    if (avx512f && avx512dq && avx512cd && avx512bw && avx512vl && zmmState) return FT_ISA_LEVEL_V4;
    return FT_ISA_LEVEL_V3;
}
#else
int ft_cpu_isa_level(void) { return FT_ISA_LEVEL_BASELINE; }
#endif
