#include "ui/shell/Tones.h"

#include <algorithm>
#include <cmath>

namespace slotdesk::tones {

namespace {

constexpr qreal kReadableContrast = 4.5;

qreal channel(qreal value) {
    return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

qreal luminance(const QColor &c) {
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

QColor blend(const QColor &from, const QColor &to, qreal amount) {
    const float t = static_cast<float>(std::clamp(amount, 0.0, 1.0));
    const auto mix = [t](float a, float b) { return a + (b - a) * t; };
    return QColor::fromRgbF(mix(from.redF(), to.redF()), mix(from.greenF(), to.greenF()),
                            mix(from.blueF(), to.blueF()), mix(from.alphaF(), to.alphaF()));
}

qreal contrastRatio(const QColor &a, const QColor &b) {
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readableOn(const QColor &background, const QPalette &palette) {
    QColor best;
    qreal bestRatio = 0;
    for (const QColor &candidate : {palette.color(QPalette::Text), palette.color(QPalette::Base),
                                    QColor(Qt::black), QColor(Qt::white)}) {
        const qreal ratio = contrastRatio(candidate, background);
        // The palette's own colours first: black or white only when they read clearly better.
        if (ratio > bestRatio + 0.5) {
            best = candidate;
            bestRatio = ratio;
        }
    }
    return best;
}

QColor errorAccent() {
    return QColor(0xb4, 0x23, 0x18);
}

QColor warningAccent() {
    return QColor(0xb2, 0x6a, 0x00);
}

QColor successAccent() {
    return QColor(0x1f, 0x7a, 0x45);
}

QColor ink(const QColor &accent, const QColor &background, const QPalette &palette) {
    const QColor text = readableOn(background, palette);
    for (int step = 0; step <= 10; ++step) {
        const QColor candidate = blend(accent, text, step / 10.0);
        if (contrastRatio(candidate, background) >= kReadableContrast)
            return candidate;
    }
    return text;
}

QColor inkOnBase(const QColor &accent, const QPalette &palette) {
    return ink(accent, palette.color(QPalette::Base), palette);
}

QColor inkOnWindow(const QColor &accent, const QPalette &palette) {
    return ink(accent, palette.color(QPalette::Window), palette);
}

QColor tint(const QColor &accent, const QPalette &palette, qreal amount) {
    return blend(palette.color(QPalette::Base), accent, amount);
}

QColor shade(const QPalette &palette, qreal amount) {
    return blend(palette.color(QPalette::Base), palette.color(QPalette::Text), amount);
}

QString noticeStyleSheet(const QColor &accent, const QPalette &palette) {
    const QColor background = tint(accent, palette, 0.15);
    return QStringLiteral("QLabel { background: %1; border: 1px solid %2; color: %3; "
                          "padding: 6px; }")
        .arg(background.name(), blend(background, accent, 0.6).name(),
             readableOn(background, palette).name());
}

} // namespace slotdesk::tones
