#include "scene/View.h"
#include "render/Renderer.h"
