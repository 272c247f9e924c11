package dev.casebook.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waiting for the preview to publish, in the tests that save a file and look at what it serves then. */
final class PreviewVersions {

    private PreviewVersions() {
    }

    /** Waits (up to 20 s, else fails) until the preview serves a version after {@code version}. */
    static void awaitAfter(Preview preview, long version) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (preview.state().version() == version) {
            assertTrue(System.nanoTime() < deadline, "no rebuild after version " + version);
            Thread.sleep(5);
        }
    }
}
