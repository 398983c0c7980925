// Shim over GNU GSL for Swift. Swift 6 refuses to read GSL's global type variables directly
// (they are mutable C globals), so each one the project uses gets a static inline accessor here.
#ifndef FACTORYTWIN_CGSL_SHIM_H
#define FACTORYTWIN_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_odeiv2.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_interp.h>
#include <gsl/gsl_spline.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_sf_lambert.h>
#include <gsl/gsl_multifit_nlinear.h>

// Random number generator types.
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *cgsl_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }

// ODE steppers: explicit (embedded Runge–Kutta) and stiff (implicit Bulirsch–Stoer, needs the Jacobian;
// msbdf also needs it).
static inline const gsl_odeiv2_step_type *cgsl_step_rk8pd(void) { return gsl_odeiv2_step_rk8pd; }
static inline const gsl_odeiv2_step_type *cgsl_step_rkf45(void) { return gsl_odeiv2_step_rkf45; }
static inline const gsl_odeiv2_step_type *cgsl_step_msbdf(void) { return gsl_odeiv2_step_msbdf; }
static inline const gsl_odeiv2_step_type *cgsl_step_bsimp(void) { return gsl_odeiv2_step_bsimp; }
static inline const gsl_odeiv2_step_type *cgsl_step_rk4imp(void) { return gsl_odeiv2_step_rk4imp; }

// Nonlinear least squares: the trust-region method and its Levenberg–Marquardt subproblem solver.
static inline const gsl_multifit_nlinear_type *cgsl_nlinear_trust(void) { return gsl_multifit_nlinear_trust; }
static inline const gsl_multifit_nlinear_trs *cgsl_nlinear_trs_lm(void) { return gsl_multifit_nlinear_trs_lm; }

// Root solvers.
static inline const gsl_root_fsolver_type *cgsl_root_brent(void) { return gsl_root_fsolver_brent; }

// Interpolation types.
static inline const gsl_interp_type *cgsl_interp_linear(void) { return gsl_interp_linear; }
static inline const gsl_interp_type *cgsl_interp_cspline(void) { return gsl_interp_cspline; }
static inline const gsl_interp_type *cgsl_interp_steffen(void) { return gsl_interp_steffen; }

// Full-state seeding of GSL's mt19937 (added for SimMath.RandomStream).
// gsl_rng_set() on mt19937 keeps only the low 32 bits of its unsigned long seed (and maps 0 to 4357),
// so two of 10,000 hashed stream seeds would collide with probability ~1 %. This initialises the whole
// 624-word state with Matsumoto & Nishimura's reference init_by_array (mt19937ar.c, 2002), so a 64-bit
// key gives a distinct stream. GSL's private state layout (gsl-2.x rng/mt.c: `unsigned long mt[624];
// int mti;`) is mirrored here; the caller checks gsl_rng_size() == sizeof(cgsl_mt19937_state) first.
typedef struct { unsigned long mt[624]; int mti; } cgsl_mt19937_state;

static inline size_t cgsl_mt19937_state_size(void) { return sizeof(cgsl_mt19937_state); }

/// Seeds an mt19937 generator with init_by_array(key, keyLength); returns 0 on success, -1 if `r` is
/// not an mt19937 generator with the expected state layout.
static inline int cgsl_mt19937_seed_by_array(gsl_rng *r, const unsigned long *key, size_t keyLength) {
    if (r == NULL || r->type != gsl_rng_mt19937 || gsl_rng_size(r) != sizeof(cgsl_mt19937_state) || keyLength == 0) {
        return -1;
    }
    cgsl_mt19937_state *s = (cgsl_mt19937_state *)r->state;
    unsigned long *mt = s->mt;
    const size_t n = 624;
    mt[0] = 19650218UL;
    for (size_t i = 1; i < n; i++) {
        mt[i] = (1812433253UL * (mt[i - 1] ^ (mt[i - 1] >> 30)) + i) & 0xffffffffUL;
    }
    size_t i = 1, j = 0;
    for (size_t k = (n > keyLength ? n : keyLength); k > 0; k--) {
        mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525UL)) + (key[j] & 0xffffffffUL) + j) & 0xffffffffUL;
        i++; j++;
        if (i >= n) { mt[0] = mt[n - 1]; i = 1; }
        if (j >= keyLength) { j = 0; }
    }
    for (size_t k = n - 1; k > 0; k--) {
        mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941UL)) - i) & 0xffffffffUL;
        i++;
        if (i >= n) { mt[0] = mt[n - 1]; i = 1; }
    }
    mt[0] = 0x80000000UL; /* MSB is 1, assuring a non-zero initial array */
    s->mti = (int)n;
    return 0;
}

#endif
