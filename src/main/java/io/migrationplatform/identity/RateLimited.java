package io.migrationplatform.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An expensive operation each user may start only so often: {@code migrate.rate-limits.<value>} per minute
 * (a burst of that many, then one every 60/n seconds), beyond which it answers 429 with {@code Retry-After}.
 * Checked after the permission, so a refused caller spends nothing.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {

    /** The limit's name: imports (uploads), assessments, analysis (batch), planning, flows (POST /flows, an import's execute, resume, retry). */
    String value();
}
