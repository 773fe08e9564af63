package io.migrationplatform.identity.tenancy;

import io.migrationplatform.identity.RateLimited;
import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires tenancy into Spring MVC: handlers annotated with {@link RequiresPermission} get their
 * scope resolved and the permission checked before they run, then those annotated with {@link RateLimited}
 * their caller's rate checked; any handler may take a {@link TenantScope} parameter.
 */
@Configuration(proxyBeanMethods = false)
class TenantScopeWebConfiguration implements WebMvcConfigurer {

    private final TenantScopeResolver resolver;
    private final RateLimiter rateLimiter;

    TenantScopeWebConfiguration(TenantScopeResolver resolver, RateLimiter rateLimiter) {
        this.resolver = resolver;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method) {
                    RequiresPermission required = method.getMethodAnnotation(RequiresPermission.class);
                    if (required != null) {
                        resolver.resolve(request).require(required.value());
                    }
                    RateLimited limited = method.getMethodAnnotation(RateLimited.class);
                    if (limited != null) {
                        rateLimiter.acquire(TenantScopeResolver.currentUser().id(), limited.value());
                    }
                }
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType().equals(TenantScope.class);
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                          NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
                return resolver.resolve(webRequest.getNativeRequest(HttpServletRequest.class));
            }
        });
    }
}
