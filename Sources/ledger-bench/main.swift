import Glibc

// The entry point only: ``LedgerBench`` does the work and says how the process should exit.
exit(await LedgerBench.main(arguments: Array(CommandLine.arguments.dropFirst())))
