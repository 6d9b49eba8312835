import fc from 'fast-check';

// Property tests replay the same cases on every run, so CI never fails by chance. Set FC_SEED to
// explore other cases locally; a failure prints the seed and the shrunk counterexample.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_122) });
