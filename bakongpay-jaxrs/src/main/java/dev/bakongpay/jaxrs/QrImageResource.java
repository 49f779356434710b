package dev.bakongpay.jaxrs;

import dev.bakongpay.core.payment.QrImageRequest;
import dev.bakongpay.core.payment.QrImageService;
import dev.bakongpay.core.render.QrImage;
import dev.bakongpay.core.render.QrImageOptions;
import dev.bakongpay.jaxrs.internal.ApiException;
import dev.bakongpay.jaxrs.internal.Bodies;
import dev.bakongpay.jaxrs.internal.Json;
import dev.bakongpay.jaxrs.internal.MerchantSecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /qr/generate}: a KHQR drawn as PNG or SVG. JSON with a data URL by default; the raw
 * image when {@code Accept} names {@code image/png} or {@code image/svg+xml} before JSON.
 */
@Path("/qr/generate")
public class QrImageResource {
    private static final MediaType PNG = new MediaType("image", "png");
    private static final MediaType SVG = new MediaType("image", "svg+xml");

    private final BakongPayRuntime runtime;

    public QrImageResource(BakongPayRuntime runtime) {
        this.runtime = runtime;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "image/png", "image/svg+xml"})
    public Response generate(Bodies.QrImage body, @Context HttpHeaders headers, @Context SecurityContext security) {
        MerchantSecurityContext.merchantOf(security);
        Bodies.QrImage b = body != null ? body : new Bodies.QrImage(null, null, null, null, null, null);
        MediaType raw = rawImageAsked(headers);
        String format = b.format();
        if (raw != null && (format == null || format.isBlank())) format = raw.equals(PNG) ? "png" : "svg";
        QrImage image = runtime.qrImages()
                .render(new QrImageRequest(b.qrString(), b.size(), b.foreground(), b.background(), format, b.style()));
        if (raw != null) {
            if (!image.mediaType().equals(raw.toString())) {
                throw new ApiException(
                        406,
                        "not_acceptable",
                        "Accept asks for " + raw + " but format is " + format
                                + "; send a matching Accept header or format");
            }
            return Response.ok(image.bytes(), raw).build();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("format", image.mediaType().equals("image/png") ? "png" : "svg");
        data.put("mimeType", image.mediaType());
        boolean card = b.style() != null && b.style().strip().equalsIgnoreCase("card");
        data.put(
                "size",
                b.size() != null ? b.size() : card ? QrImageService.DEFAULT_CARD_WIDTH : QrImageOptions.DEFAULT_SIZE);
        data.put("qrImage", image.dataUrl());
        return Response.ok(Json.success(data), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The first image type of the Accept header, unless JSON (or a wildcard) comes first. */
    private static MediaType rawImageAsked(HttpHeaders headers) {
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE) || m.isWildcardType()) return null;
            if (m.getType().equals("image") && m.getSubtype().equals("png")) return PNG;
            if (m.getType().equals("image") && m.getSubtype().equals("svg+xml")) return SVG;
        }
        return null;
    }
}
