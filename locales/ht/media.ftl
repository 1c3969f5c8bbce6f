## Veye medya (media/pages.rs): sa laprès di bò kote dosye yon kontribitè.

contrib-press = Nan laprès
contrib-press-intro = Sa atik rejis la kenbe yo di sou pèsonèl ak lajan kontribitè sa a nan misyon an, chak konpare ak rejis la nan dat li (san sa yo te mete sou kote yo).
