package acme.util;

public final class Lines {
}
