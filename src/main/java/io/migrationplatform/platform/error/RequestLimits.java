package io.migrationplatform.platform.error;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** The container's request limits as configured, so refusals can say what the limit is. */
@Component
class RequestLimits {

    private final long maxUploadBytes;
    private final int maxPartCount;
    private final int maxParameterCount;

    RequestLimits(@Value("${spring.servlet.multipart.max-request-size:50MB}") DataSize maxUpload,
                  @Value("${server.tomcat.max-part-count:50}") int maxPartCount,
                  @Value("${server.tomcat.max-parameter-count:1000}") int maxParameterCount) {
        this.maxUploadBytes = maxUpload.toBytes();
        this.maxPartCount = maxPartCount;
        this.maxParameterCount = maxParameterCount;
    }

    long maxUploadBytes() {
        return maxUploadBytes;
    }

    int maxPartCount() {
        return maxPartCount;
    }

    int maxParameterCount() {
        return maxParameterCount;
    }
}
