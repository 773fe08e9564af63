package io.migrationplatform.platform.web;

import io.migrationplatform.platform.error.ErrorResponseWriter;
import io.migrationplatform.platform.error.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every non-multipart request body (JSON above all). A declared {@code Content-Length}
 * over the limit is refused before anything is read; a chunked body is counted while it is read
 * and refused the moment it crosses the limit. Multipart uploads have their own, larger limit, and only
 * the upload endpoints ({@code migrate.upload-paths}) take them: the servlet container parses a multipart
 * body, spooling it to disk, before any handler or permission check runs, so anywhere else it is refused
 * with 415 unread (anonymous clients could otherwise send 50 MB bodies to the login endpoint).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final Set<String> uploadPaths;
    private final ErrorResponseWriter errors;

    public RequestBodyLimitFilter(@Value("${migrate.max-request-body:1MB}") DataSize maxBody,
                                  @Value("${migrate.upload-paths:}") List<String> uploadPaths, ErrorResponseWriter errors) {
        this.maxBytes = maxBody.toBytes();
        this.uploadPaths = uploadPaths.stream().map(String::strip).filter(p -> !p.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            if (isUpload(request)) {
                chain.doFilter(request, response);
            } else {
                errors.write(request, response, 415, "Multipart bodies are accepted only by uploads ("
                        + uploadPaths.stream().sorted().map(p -> "POST " + p).collect(Collectors.joining(", ")) + "); send JSON", Map.of());
            }
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            errors.write(request, response, 413, new PayloadTooLargeException(maxBytes).getMessage(), Map.of("max_bytes", maxBytes));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    private boolean isUpload(HttpServletRequest request) {
        // The raw path, exactly: any other spelling (a trailing slash, ';', encoding) matches no upload handler.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && uploadPaths.contains(path);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long maxBytes;
        private long count;

        CountingStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
