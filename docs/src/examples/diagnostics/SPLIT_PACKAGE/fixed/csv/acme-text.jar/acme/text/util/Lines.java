package acme.text.util;

public final class Lines {
}
