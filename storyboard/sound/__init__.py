"""The sound stage: speech, voice effects, the generated score and the mix."""
