package acme.util;

/** Helpers of acme.csv. */
public final class Quotes {
}
