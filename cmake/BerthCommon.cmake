# SPDX-License-Identifier: GPL-2.0-or-later
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
        # -Wshadow=local is GCC's spelling; clang (the fuzz preset) has no such option.
        -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
        $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local> -Wcast-qual -Wformat=2 -Wimplicit-fallthrough)
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

# Layering rules the linker would not catch: berth_forbid_link(berth_cli Qt6::Widgets) fails
# the configuration when berth_cli links Qt Widgets, directly or through any library it links.
# Checked once every target exists (at the end of the top-level CMakeLists.txt).
function(berth_forbid_link target forbidden)
    # A deferred call reads its variables when it runs: pass the values, not the names.
    cmake_language(EVAL CODE "cmake_language(DEFER DIRECTORY [[${PROJECT_SOURCE_DIR}]]
        CALL _berth_check_forbidden_link [[${target}]] [[${forbidden}]])")
endfunction()

function(_berth_check_forbidden_link target forbidden)
    # Breadth-first over LINK_LIBRARIES and INTERFACE_LINK_LIBRARIES, remembering how each
    # library was reached so that the error can show the path.
    set(queue ${target})
    set(seen ${target})
    set(via_${target} ${target})
    while(queue)
        list(POP_FRONT queue current)
        if(NOT TARGET ${current})
            continue()
        endif()
        get_target_property(aliased ${current} ALIASED_TARGET)
        set(real ${current})
        if(aliased)
            set(real ${aliased})
        endif()
        set(links)
        get_target_property(type ${real} TYPE)
        get_target_property(imported ${real} IMPORTED)
        if(NOT type STREQUAL "INTERFACE_LIBRARY" AND NOT imported)
            get_target_property(direct ${real} LINK_LIBRARIES)
            if(direct)
                list(APPEND links ${direct})
            endif()
        endif()
        get_target_property(interface ${real} INTERFACE_LINK_LIBRARIES)
        if(interface)
            list(APPEND links ${interface})
        endif()
        foreach(link IN LISTS links)
            # $<LINK_ONLY:x> and $<TARGET_NAME_IF_EXISTS:x> name x; other expressions are
            # searched as text.
            if(link MATCHES "^\\$<(LINK_ONLY|TARGET_NAME_IF_EXISTS):([^<>]+)>$")
                set(link ${CMAKE_MATCH_2})
            endif()
            if(link STREQUAL forbidden OR (link MATCHES "^\\$<" AND link MATCHES "${forbidden}"))
                message(FATAL_ERROR
                    "${target} must not link ${forbidden}, but does: ${via_${current}} -> ${link}")
            endif()
            if(NOT link IN_LIST seen AND NOT link MATCHES "^\\$<")
                list(APPEND seen ${link})
                list(APPEND queue ${link})
                set(via_${link} "${via_${current}} -> ${link}")
            endif()
        endforeach()
    endwhile()
endfunction()
