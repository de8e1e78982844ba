#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace slotdesk::tones {

// Colours derived from the palette, so light and dark themes both stay readable: a fixed hex
// background would keep its colour while the theme's text turns light.

// The colour between `from` (amount 0) and `to` (amount 1).
QColor blend(const QColor &from, const QColor &to, qreal amount);
// WCAG 2 contrast ratio between two opaque colours, 1 (none) to 21 (black on white).
qreal contrastRatio(const QColor &a, const QColor &b);
// Whichever of the palette's Text and Base colours (or black/white) reads best on `background`.
QColor readableOn(const QColor &background, const QPalette &palette);

// The accents this console uses; ink() turns them into something readable.
QColor errorAccent();
QColor warningAccent();
QColor successAccent();

// `accent` as text on `background`: moved towards the palette's text colour until its contrast
// reaches 4.5:1 (WCAG AA for body text).
QColor ink(const QColor &accent, const QColor &background, const QPalette &palette);
// `accent` as text on the palette's base (views) or window (labels) colour.
QColor inkOnBase(const QColor &accent, const QPalette &palette);
QColor inkOnWindow(const QColor &accent, const QPalette &palette);
// A light touch of `accent` over the palette's base colour, for marked rows and notices.
QColor tint(const QColor &accent, const QPalette &palette, qreal amount = 0.22);
// A subtle shade of the base colour, for grouping rows and empty lanes.
QColor shade(const QPalette &palette, qreal amount = 0.06);

// Style sheet of a framed notice label in `accent`: tinted background, border and text colour
// all from `palette`.
QString noticeStyleSheet(const QColor &accent, const QPalette &palette);

} // namespace slotdesk::tones
