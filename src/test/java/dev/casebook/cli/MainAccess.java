package dev.casebook.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line from tests in other packages and returns what it printed on standard output. */
public final class MainAccess {

    private MainAccess() {
    }

    public static String out(String... args) {
        StringWriter out = new StringWriter();
        Main.run(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
        return out.toString();
    }
}
