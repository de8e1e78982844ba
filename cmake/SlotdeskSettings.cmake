# One interface target carries the language level, warnings and strict Qt defines, so that no
# flag is set globally and every library and test opts in by linking slotdesk_settings.
add_library(slotdesk_settings INTERFACE)
add_library(Slotdesk::settings ALIAS slotdesk_settings)

target_compile_features(slotdesk_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(slotdesk_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough -Wformat=2)
if(SLOTDESK_WERROR)
    target_compile_options(slotdesk_settings INTERFACE -Werror)
endif()

target_compile_definitions(slotdesk_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_KEYWORDS
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    SLOTDESK_VERSION="${PROJECT_VERSION}")

if(SLOTDESK_SANITIZE)
    target_compile_options(slotdesk_settings INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(slotdesk_settings INTERFACE -fsanitize=address,undefined)
endif()

# Coverage for libFuzzer on every library of the fuzz build; tests/fuzz links the fuzzer's main.
if(SLOTDESK_FUZZ)
    target_compile_options(slotdesk_settings INTERFACE -fsanitize=fuzzer-no-link)
endif()
