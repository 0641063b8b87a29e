/**
 * Benchmarks against a running Replycast (started with {@code ./replycast run}), driven by the scripts in
 * {@code bench/}: load generators that sign as real terminals with the system tests' {@code TerminalSigner},
 * each measurement beside the in-process baseline it is compared with in the same run. Results and the
 * commands that reproduce them are in {@code docs/benchmarks.md}.
 */
package org.replycast.bench;
