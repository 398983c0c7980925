// CPU feature detection for the inference kernel's run-time ISA dispatch (cpuid + xgetbv).
#ifndef FT_CPU_FEATURES_H
#define FT_CPU_FEATURES_H

/// Kernel instruction-set levels, as the x86-64 psABI micro-architecture levels define them
/// (x86-64 psABI 1.0, §3.1.1 "Micro-architecture levels"): the kernels for a level are compiled
/// for its first CPU (`-target-cpu haswell` for v3, `skylake-avx512` for v4), so every feature of
/// the level must be present.
enum {
    FT_ISA_LEVEL_BASELINE = 0, ///< x86-64 (SSE2) or any non-x86 CPU.
    FT_ISA_LEVEL_V3 = 3,       ///< x86-64-v3: AVX, AVX2, FMA, F16C, BMI1, BMI2, LZCNT, MOVBE, OS-saved YMM state.
    FT_ISA_LEVEL_V4 = 4        ///< x86-64-v4: v3 + AVX512F/BW/CD/DQ/VL, OS-saved opmask and ZMM state.
};

/// The highest level this CPU and operating system support (cpuid leaves 1 and 7, xgetbv XCR0).
int ft_cpu_isa_level(void);

/// Asks the CPU to start loading the 64-byte cache line holding `p` into all cache levels
/// (`prefetcht0` on x86); no architectural effect, never faults. Inlined into Swift callers.
static inline __attribute__((always_inline)) void ft_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }

#endif
