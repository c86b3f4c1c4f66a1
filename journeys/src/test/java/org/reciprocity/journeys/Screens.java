package org.reciprocity.journeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every page a test visits, kept as a screenshot at a phone's width (320 px) and a desktop's
 * (1280 px) in {@code target/screenshots/<test>/<nn>-<page>-<width>.png}, for people to look at; a
 * page state the test already shot at both widths only at the width the person works at.
 * The width is set through the DevTools protocol (a window cannot be narrower than Chromium's
 * minimum), the page made as tall as its content, shot, and the browser put back as it was.
 */
final class Screens {

    static final Path ROOT = Path.of("target", "screenshots");

    private final Path folder;
    private int taken;
    private final List<Path> files = new ArrayList<>();
    private final java.util.Set<String> states = new java.util.HashSet<>();

    Screens(String test) {
        this.folder = ROOT.resolve(safe(test));
    }

    /** The current page at both widths; returns the two files. */
    synchronized List<Path> shoot(ChromeDriver driver, String page, int workingWidth) {
        return shoot(driver, page, workingWidth, true);
    }

    /** Whether this test has not shot this page state (see {@link PageState}) yet; remembers it. */
    synchronized boolean firstTime(String state) {
        return states.add(state);
    }

    /**
     * The current page at both widths, or only at the width the person works at when {@code bothWidths} is
     * false (a page state this test already shot at both); returns the files.
     */
    synchronized List<Path> shoot(ChromeDriver driver, String page, int workingWidth, boolean bothWidths) {
        taken++;
        List<Path> shots = new ArrayList<>();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int width : bothWidths ? new int[] {Browser.PHONE, Browser.DESKTOP} : new int[] {workingWidth}) {
            Path file = folder.resolve(String.format("%02d-%s-%d.png", taken, safe(page), width));
            metrics(driver, width, 900);
            int height = pageHeight(driver);
            metrics(driver, width, Math.max(400, Math.min(8000, height)));
            // optimizeForSpeed: Chromium's fastest PNG compression (the same pixels, a larger file): two
            // shots a page, up to 8000 px tall, were much of the suite's browser CPU
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "optimizeForSpeed", true));
            try {
                Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shots.add(file);
        }
        metrics(driver, workingWidth, 900);
        files.addAll(shots);
        return shots;
    }

    List<Path> files() {
        return files;
    }

    Path folder() {
        return folder;
    }

    /**
     * The viewport at this size. Not as a "mobile" device: Chromium then lays a page out at 980 px
     * and shrinks it; the page's CSS sees exactly {@code width} px this way, as a narrow phone's does.
     */
    static void metrics(ChromeDriver driver, int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** The page's height: WebDriver's scripts still run with the page's own JavaScript switched off. */
    private static int pageHeight(ChromeDriver driver) {
        try {
            Object height = ((JavascriptExecutor) driver).executeScript(
                    "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)");
            return height instanceof Number number ? number.intValue() : 900;
        } catch (RuntimeException e) {
            return 2000;
        }
    }

    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-|-$", "");
    }
}
