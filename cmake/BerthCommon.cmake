# One INTERFACE target carries the language level, the Qt strictness defines and the
# warning set for every Berth target (qBittorrent's qbt_common_cfg does the same).
add_library(berth_common_cfg INTERFACE)
add_library(Berth::CommonCfg ALIAS berth_common_cfg)

target_compile_features(berth_common_cfg INTERFACE cxx_std_20)
target_compile_definitions(berth_common_cfg INTERFACE
    QT_NO_KEYWORDS
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    BERTH_VERSION="${PROJECT_VERSION}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(berth_common_cfg INTERFACE
        -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
        -Wshadow=local -Wcast-qual -Wformat=2 -Wimplicit-fallthrough)
    if(BERTH_WERROR)
        target_compile_options(berth_common_cfg INTERFACE -Werror)
    endif()
    if(BERTH_SANITIZE)
        target_compile_options(berth_common_cfg INTERFACE
            -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
        target_link_options(berth_common_cfg INTERFACE -fsanitize=address,undefined)
    endif()
endif()

# Small helper so every library is declared the same way. The include directory is the
# repository root and nothing else: includes carry their folder ("models/vm/vminstance.h"),
# so a reader sees which layer and domain a file reaches into.
function(berth_add_layer name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC berth_common_cfg ${ARG_PUBLIC_LIBS})
endfunction()

if(BERTH_FUZZ)
    # Coverage instrumentation for every library the fuzz targets link, plus the sanitizers.
    target_compile_options(berth_common_cfg INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
    target_link_options(berth_common_cfg INTERFACE -fsanitize=address,undefined)
endif()
