package dev.casebook.cli;

import dev.casebook.diag.Suggestions;
import dev.casebook.diag.Terminal;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.validate.LiteLlmFacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code casebook} command. Exit codes: 0 success, 1 problems in content, 2 usage or
 * configuration errors.
 */
@Command(name = "casebook",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Builds a bilingual troubleshooting knowledge base into a static site.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:problems in content (see the diagnostics)", "2:usage or configuration error"})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int CONTENT_ERRORS = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command in this JVM (the jar's entry point is {@link Launcher}, which may start another). */
    public static void main(String[] args) {
        if (System.getProperty(Launcher.LAUNCHED) != null) {
            Launcher.endWithParent(); // a launcher killed with SIGKILL must not leave a preview serving
        }
        if (Launcher.buildsASite(args)) {
            SiteBuild.warmUp(); // on the other core, while picocli reads the command line
        }
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /**
     * The commands, in the order of the help. Picocli reads each one's annotations by reflection
     * when it is added, which is slow in a cold JVM, so a command line that names
     * one gets only that one; the others are there for help, mistakes and suggestions.
     */
    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("init", InitCommand::new);
        commands.put("build", BuildCommand::new);
        commands.put("serve", ServeCommand::new);
        commands.put("check", CheckCommand::new);
        commands.put("new", NewCommand::new);
        commands.put("move", MoveCommand::new);
        commands.put("translations", TranslationsCommand::new);
        commands.put("validate", ValidateCommand::new);
        commands.put("rules", RulesCommand::new);
        commands.put("theme", ThemeCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    /** Every command's long option names, by command, in the order of the help (for the reference's test). */
    static Map<String, List<String>> options() {
        Map<String, List<String>> options = new LinkedHashMap<>();
        commands().forEach((name, command) -> {
            if (!name.equals("help")) {
                options.put(name, new CommandLine(command.get()).getCommandSpec().options().stream()
                        .map(CommandLine.Model.OptionSpec::longestName).toList());
            }
        });
        return options;
    }

    /** Runs the command line with the given streams and returns the exit code (for tests too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        Map<String, Supplier<Object>> commands = commands();
        boolean one = args.length > 0 && commands.containsKey(args[0]) && !args[0].equals("help");
        commands.forEach((name, command) -> {
            if (!one || name.equals(args[0])) {
                cli.addSubcommand(name, command.get());
            }
        });
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(Main::usageError);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * A usage error in one or two lines, not the whole help: what is wrong, the nearest command
     * for a mistyped one, and where to read more. Exit code 2.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        String name = cli.getCommandSpec().qualifiedName();
        if (e instanceof CommandLine.UnmatchedArgumentException u && cli.getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            String word = u.getUnmatched().get(0);
            Set<String> commands = cli.getSubcommands().keySet();
            err.println(name + ": unknown command `" + Terminal.safe(word) + "`"
                    + Suggestions.closest(word, commands).map(c -> "; did you mean `" + c + "`?").orElse(""));
            err.println("commands: " + String.join(", ", commands) + " (see `casebook --help`)");
        } else {
            err.println(name + ": " + Terminal.safe(String.valueOf(e.getMessage())));
            if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
                List<String> options = cli.getCommandSpec().options().stream()
                        .flatMap(o -> Arrays.stream(o.names())).toList();
                Suggestions.closest(u.getUnmatched().get(0).replaceFirst("=.*", ""), options)
                        .ifPresent(o -> err.println("did you mean `" + o + "`?"));
            }
            err.println("see `" + name + " --help`");
        }
        err.flush();
        return USAGE;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. `casebook build`");
    }

    /** The version baked into the jar at build time. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getClassLoader().getResourceAsStream("casebook-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"casebook " + version(),
                    "LiteLLM facts: " + LiteLlmFacts.get().version()};
        }
    }
}
