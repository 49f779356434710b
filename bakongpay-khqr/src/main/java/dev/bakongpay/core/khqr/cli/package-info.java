/** {@code java -jar bakongpay-core.jar decode|verify|md5|encode|demo}. */
package dev.bakongpay.core.khqr.cli;
