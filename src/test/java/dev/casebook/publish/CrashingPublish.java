package dev.casebook.publish;

import dev.casebook.content.Output;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child process for {@link PublishFaultTest}: publishes a site of {@value #FILES} files whose
 * every file says {@code version}, and dies on the spot (no clean-up, no finally blocks) at the
 * named step, as a killed build would.
 */
public final class CrashingPublish {

    static final int FILES = 200;

    private CrashingPublish() {
    }

    static List<Output> site(String version) {
        List<Output> outputs = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            outputs.add(new Output.Bytes("d" + (i % 10) + "/f" + i + ".html", (version + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        return outputs;
    }

    /** args: output folder, version, step ("mid-write", or a {@link OutputWriter.Faults} step) */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String step = args[2];
        AtomicInteger written = new AtomicInteger();
        OutputWriter.Inspector inspector = (path, content) -> {
            if (step.equals("mid-write") && written.incrementAndGet() == FILES / 2) {
                Runtime.getRuntime().halt(137);
            }
        };
        new OutputWriter(at -> {
            if (at.equals(step)) {
                Runtime.getRuntime().halt(137);
            }
        }).write(out, site(args[1]), List::of, inspector, List::of);
        Runtime.getRuntime().halt(0);
    }
}
