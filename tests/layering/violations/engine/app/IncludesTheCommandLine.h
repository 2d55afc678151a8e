#pragma once
#include <CLI/CLI.hpp>
#include "render/Renderer.h"
