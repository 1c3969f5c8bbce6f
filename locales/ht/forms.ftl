## Forms built from each command's definition: the words the layout shows around them.

form-recorded = Anrejistre nan jounal la, antre
nav-new = Anrejistre
nav-desk = Biwo
nav-press = Laprès
nav-desk-items = pou fè:
