package io.brokkr.spring.boot.autoconfigure;

import io.brokkr.dashboard.HostCsrfToken;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Spring Security's CSRF token of a request, as its CSRF filter leaves it in the request's attributes
 * (under {@code CsrfToken}'s class name, and {@code _csrf}). Only loaded when Spring Security's web
 * module is on the class path.
 */
final class SecurityCsrfToken {
  private SecurityCsrfToken() {}

  /** {@return the request's token; empty when its filter chain has no CSRF protection} */
  static Optional<HostCsrfToken> of(HttpServletRequest request) {
    Object attribute = request.getAttribute(CsrfToken.class.getName());
    if (!(attribute instanceof CsrfToken)) {
      attribute = request.getAttribute("_csrf");
    }
    if (attribute instanceof CsrfToken token) {
      // Reading the value makes a deferred token: it is saved with the session, as a form's would be.
      String value = token.getToken();
      if (value != null && !value.isBlank() && !token.getHeaderName().isBlank()) {
        return Optional.of(new HostCsrfToken(token.getHeaderName(), value));
      }
    }
    return Optional.empty();
  }
}
