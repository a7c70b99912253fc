"""Reading sources and preparing their text: folding, furniture, sentences."""
