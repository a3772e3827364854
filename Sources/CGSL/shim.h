// CGSL: the GNU Scientific Library as seen from Swift.
//
// Swift 6 rejects GSL's exported generator-type globals (`gsl_rng_mt19937` and friends) as
// shared mutable state, so they are reached through the accessor functions below. Everything
// else is GSL's own API, re-exported unchanged.
#ifndef FSLSIM_CGSL_SHIM_H
#define FSLSIM_CGSL_SHIM_H

#include <stdint.h>
#include <string.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_version.h>

/// The Mersenne Twister MT19937 generator type (period 2^19937 - 1).
static inline const gsl_rng_type *fslsim_rng_type_mt19937(void) { return gsl_rng_mt19937; }

/// Turns off GSL's default error handler, which aborts the process. Parameters are validated in
/// Swift before they reach GSL.
static inline void fslsim_disable_gsl_abort(void) { gsl_set_error_handler_off(); }

/// GSL's private state layout for mt19937 (gsl/rng/mt.c): 624 words and an index.
typedef struct {
    unsigned long mt[624];
    int mti;
} fslsim_mt19937_state;

/// Fills the whole 19,937-bit state of an mt19937 generator from a 64-bit seed, expanding it with
/// SplitMix64. `gsl_rng_set` would use only the low 32 bits of the seed, so distinct streams
/// would collide by the birthday bound; filling the state directly keeps all 64 bits.
///
/// Returns 0 on success, -1 when the generator is not mt19937 (its state has another size).
static inline int fslsim_rng_seed_mt19937_full(gsl_rng *rng, uint64_t seed) {
    if (gsl_rng_size(rng) != sizeof(fslsim_mt19937_state)) return -1;
    fslsim_mt19937_state *state = (fslsim_mt19937_state *)gsl_rng_state(rng);
    uint64_t x = seed;
    int nonzero = 0;
    for (int i = 0; i < 624; i++) {
        x += 0x9E3779B97F4A7C15ull;
        uint64_t z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        state->mt[i] = (unsigned long)(z & 0xffffffffull);
        nonzero |= state->mt[i] != 0;
    }
    if (!nonzero) state->mt[0] = 0x80000000ul; // an all-zero state would never leave zero
    state->mti = 624;                          // regenerate the block on the first draw
    return 0;
}

#endif
