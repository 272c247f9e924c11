package dev.casebook.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** Runs the command line from tests in other packages and returns what it printed on standard output. */
public final class MainAccess {

    private MainAccess() {
    }

    /** Every command's long option names, by command. */
    public static Map<String, List<String>> options() {
        return Main.options();
    }

    public static String out(String... args) {
        StringWriter out = new StringWriter();
        Main.run(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
        return out.toString();
    }
}
