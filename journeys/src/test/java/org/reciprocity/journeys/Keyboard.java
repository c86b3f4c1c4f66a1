package org.reciprocity.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A person who uses the keyboard alone: Tab and Shift+Tab move the focus, Enter and Space act,
 * arrows move within a radio group, and every step asserts where the focus is. Nothing here clicks.
 */
final class Keyboard {

    /** More Tab presses than any of the portal's pages should need to reach a control. */
    static final int MOST_TABS = 80;

    private final WebDriver driver;
    private final List<String> path = new ArrayList<>();

    Keyboard(WebDriver driver) {
        this.driver = driver;
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses Tab until {@code target} has the focus; fails, with the path the focus took, if it never does. */
    WebElement tabTo(By target) {
        for (int i = 0; i < MOST_TABS; i++) {
            if (isFocused(target)) {
                return focused();
            }
            press(Keys.TAB);
            path.add(describe(focused()));
        }
        throw new AssertionError("Tab never reached " + target + " on " + driver.getCurrentUrl() + "; the focus went: "
                + String.join(" > ", path.subList(Math.max(0, path.size() - MOST_TABS), path.size())));
    }

    boolean isFocused(By target) {
        WebElement focused = focused();
        return driver.findElements(target).stream().anyMatch(focused::equals);
    }

    /** Tabs to the control and presses Enter (a link or a button). */
    void enterOn(By target) {
        tabTo(target);
        press(Keys.ENTER);
    }

    /** Tabs to the field and types into it, replacing what was there (select all, then type). */
    void typeInto(By field, String text) {
        tabTo(field);
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.DELETE).perform();
        type(text);
        assertThat(focused().getAttribute("value")).as("what was typed into " + field).isEqualTo(text);
    }

    /**
     * Chooses {@code value} of the radio group {@code name}: Tab reaches the group, the arrows move
     * within it (and choose), Space chooses the one focused.
     */
    void chooseRadio(String name, String value) {
        By group = By.cssSelector("input[type='radio'][name='" + name + "']");
        tabTo(group);
        int size = driver.findElements(group).size();
        for (int i = 0; i <= size && !value.equals(focused().getAttribute("value")); i++) {
            press(Keys.ARROW_DOWN);
        }
        assertThat(focused().getAttribute("value")).as("focused radio of " + name).isEqualTo(value);
        press(Keys.SPACE);
        assertThat(focused().isSelected()).as(name + "=" + value + " chosen by keyboard").isTrue();
    }

    void type(String text) {
        new Actions(driver).sendKeys(text).perform();
    }

    void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    List<String> path() {
        return path;
    }

    private static String describe(WebElement element) {
        String id = element.getAttribute("id");
        String name = element.getAttribute("name");
        String text = element.getText();
        return element.getTagName() + (id == null || id.isBlank() ? "" : "#" + id)
                + (name == null || name.isBlank() ? "" : "[name=" + name + "]")
                + (text == null || text.isBlank() ? "" : "'" + (text.length() > 25 ? text.substring(0, 25) : text) + "'");
    }
}
