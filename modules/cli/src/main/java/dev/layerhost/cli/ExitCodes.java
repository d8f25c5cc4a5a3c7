package dev.layerhost.cli;

/** The exit codes of the contract (SPEC.md), plus one for bugs in layerhost itself. */
final class ExitCodes {

    static final int OK = 0;
    static final int ERRORS = 1;
    static final int USAGE = 2;
    static final int BUG = 3;

    private ExitCodes() {
    }
}
