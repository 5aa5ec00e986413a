package dev.socknotes.cli;

public final class Main {
    public static void main(String[] args) {
        System.out.println("java " + System.getProperty("java.version"));
    }
}
