// werker
