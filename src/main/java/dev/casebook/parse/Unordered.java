package dev.casebook.parse;

import com.vladsch.flexmark.util.dependency.Dependent;
import java.util.Set;

/**
 * A flexmark extension part with no order among the others and no effect beyond its own nodes:
 * what flexmark's {@link Dependent} asks of every block parser factory and link resolver factory.
 */
abstract class Unordered implements Dependent {

    @Override
    public final Set<Class<?>> getAfterDependents() {
        return null;
    }

    @Override
    public final Set<Class<?>> getBeforeDependents() {
        return null;
    }

    @Override
    public final boolean affectsGlobalScope() {
        return false;
    }
}
