package io.brokkr.spring.boot.autoconfigure;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A servlet request and its response as the JDK server's exchange, which the dashboard's handler
 * serves: its URI is the path below the dashboard's mount point, with the query.
 */
final class ServletExchange extends HttpExchange {
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final URI uri;
  private final Headers requestHeaders = new Headers();
  private final Headers responseHeaders = new Headers();
  private int status = -1;

  ServletExchange(HttpServletRequest request, HttpServletResponse response, String rawPath) {
    this.request = request;
    this.response = response;
    String query = request.getQueryString();
    this.uri = URI.create(rawPath + (query == null ? "" : "?" + query));
    for (String name : Collections.list(request.getHeaderNames())) {
      requestHeaders.put(name, Collections.list(request.getHeaders(name)));
    }
  }

  @Override
  public Headers getRequestHeaders() {
    return requestHeaders;
  }

  @Override
  public Headers getResponseHeaders() {
    return responseHeaders;
  }

  @Override
  public URI getRequestURI() {
    return uri;
  }

  @Override
  public String getRequestMethod() {
    return request.getMethod();
  }

  @Override
  public HttpContext getHttpContext() {
    throw new UnsupportedOperationException("a servlet request has no HttpContext");
  }

  @Override
  public void close() {
    try {
      if (status < 0) {
        sendResponseHeaders(500, -1);
      }
      response.flushBuffer();
    } catch (IOException e) {
      // The client went away: nothing is left to tell it.
    }
  }

  @Override
  public InputStream getRequestBody() {
    try {
      return request.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public OutputStream getResponseBody() {
    try {
      return response.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As the JDK server: a length of -1 sends no body, 0 a body of unknown length (an event stream). */
  @Override
  public void sendResponseHeaders(int code, long length) {
    status = code;
    response.setStatus(code);
    for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
      for (String value : header.getValue()) {
        response.addHeader(header.getKey(), value);
      }
    }
    if (length > 0) {
      response.setContentLengthLong(length);
    } else if (length < 0) {
      response.setContentLength(0);
    }
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return address(request.getRemoteAddr(), request.getRemotePort());
  }

  @Override
  public int getResponseCode() {
    return status;
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return address(request.getLocalAddr(), request.getLocalPort());
  }

  @Override
  public String getProtocol() {
    return request.getProtocol();
  }

  @Override
  public @Nullable Object getAttribute(String name) {
    return request.getAttribute(name);
  }

  @Override
  public void setAttribute(String name, @Nullable Object value) {
    request.setAttribute(name, value);
  }

  @Override
  public void setStreams(@Nullable InputStream in, @Nullable OutputStream out) {
    throw new UnsupportedOperationException("a servlet request's streams are the container's");
  }

  @Override
  public @Nullable HttpPrincipal getPrincipal() {
    return null;
  }

  /** The servlet API gives addresses as IP literals: reading one looks nothing up. */
  private static InetSocketAddress address(String ip, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(ip), port);
    } catch (IOException e) {
      return InetSocketAddress.createUnresolved(ip, port);
    }
  }
}
