package org.reciprocity.portal.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The portal's PDFs (the member's contribution record, the board's quarterly report): a Thymeleaf
 * template written as XHTML in the reader's language, laid out by openhtmltopdf on Apache PDFBox as
 * a tagged PDF (PDF/UA: headings, tables and reading order a screen reader follows) with its fonts
 * (DejaVu Sans) embedded. Inline SVG is drawn by Apache Batik, with no script and nothing fetched from
 * outside: the pictures are the portal's own, and a PDF must not reach out while it is made.
 */
@Component
public class TaggedPdf {

    /** The family every PDF template names in its style; the only one embedded. */
    public static final String FONT = "DejaVu Sans";

    private final ITemplateEngine templates;
    private final byte[] regular;
    private final byte[] bold;

    public TaggedPdf(ITemplateEngine templates) {
        this.templates = templates;
        this.regular = font("pdf/fonts/DejaVuSans.ttf");
        this.bold = font("pdf/fonts/DejaVuSans-Bold.ttf");
    }

    /** The template (e.g. {@code record/pdf}) with these variables, in this language, as a PDF. */
    public byte[] render(String template, Locale locale, Map<String, Object> variables) {
        String xhtml = templates.process(template, new Context(locale, variables));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (BatikSVGDrawer svg = new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> new ByteArrayInputStream(regular), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), FONT, 700, FontStyle.NORMAL, true);
            builder.useSVGDrawer(svg);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + template + " as a PDF", e);
        }
        return pdf.toByteArray();
    }

    private static byte[] font(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF font " + path + " is missing from the portal", e);
        }
    }
}
