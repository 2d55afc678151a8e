#include <imgui.h>
#include <CLI/CLI.hpp>
