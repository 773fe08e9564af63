package io.migrationplatform.assets.web;

import io.migrationplatform.assets.AuditContext;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Small helpers shared by the asset controllers: audit context and ETags. */
final class AssetRequests {

    private AssetRequests() {
    }

    static AuditContext audit(TenantScope scope) {
        return AuditContext.ofCurrentRequest(scope, "api");
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header expects: null when absent or {@code *}. A value that
     * cannot be ours can never match, so it fails the precondition (412) rather than being ignored.
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        // If-Match uses the strong comparison (RFC 9110): a weak tag never matches.
        if (tag.startsWith("W/")) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "If-Match needs the strong ETag of the asset, not a weak one",
                    Map.of());
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "If-Match does not match the current version of the asset",
                    Map.of());
        }
    }
}
