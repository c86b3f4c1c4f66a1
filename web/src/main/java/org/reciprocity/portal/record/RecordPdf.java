package org.reciprocity.portal.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The record as a PDF the member can hand over: written as XHTML by a Thymeleaf template in their
 * language, laid out by openhtmltopdf on Apache PDFBox, as a tagged PDF (PDF/UA: headings, tables and
 * reading order a screen reader follows) with its fonts (DejaVu Sans) embedded.
 */
@Component
class RecordPdf {

    private final ITemplateEngine templates;
    private final byte[] regular;
    private final byte[] bold;

    RecordPdf(ITemplateEngine templates) {
        this.templates = templates;
        this.regular = font("record/fonts/DejaVuSans.ttf");
        this.bold = font("record/fonts/DejaVuSans-Bold.ttf");
    }

    byte[] render(Locale locale, Map<String, Object> variables) {
        String xhtml = templates.process("record/pdf", new Context(locale, variables));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> new java.io.ByteArrayInputStream(regular), "DejaVu Sans", 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new java.io.ByteArrayInputStream(bold), "DejaVu Sans", 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the contribution record as a PDF", e);
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
