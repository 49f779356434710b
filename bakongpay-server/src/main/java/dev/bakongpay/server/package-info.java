/**
 * The reference BakongPay server: {@link dev.bakongpay.server.ServerMain} runs it as an executable
 * JAR ({@code serve}, {@code sandbox}) on embedded Jetty; the same application deploys as a WAR
 * through {@link dev.bakongpay.server.web.BakongPayServletContextListener}.
 */
package dev.bakongpay.server;
